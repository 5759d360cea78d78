"""Shared media: images, their renditions and documents in an S3-compatible bucket (moto's
S3 server on loopback), configured by the environment variables production reads."""

import io
import json
import socket
import urllib.request

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from praxis import env

BUCKET = "praxis-media"
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{BUCKET}/media/*"}
    ],
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def bucket(settings, monkeypatch):
    """An S3 server of our own, and the media settings the environment gives for it."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    variables = {
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_ACCESS_KEY_ID": "praxis-test",
        "AWS_SECRET_ACCESS_KEY": "praxis-test-secret",
    }
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="praxis-test",
        aws_secret_access_key="praxis-test-secret",  # noqa: S106 - a throw-away local server
    )
    client.create_bucket(Bucket=BUCKET)
    # As deployed (README): anyone may read the media folder, only the app writes.
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ))
    storage, media_url = env.media_storage()
    settings.STORAGES = {**settings.STORAGES, "default": storage}
    settings.MEDIA_URL = media_url
    try:
        yield client
    finally:
        server.stop()


def stored_keys(client) -> set[str]:
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def png(width=320, height=200) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (11, 93, 107)).save(buffer, "PNG")
    return buffer.getvalue()


def test_the_local_folder_stays_the_default(monkeypatch, tmp_path):
    monkeypatch.delenv("AWS_STORAGE_BUCKET_NAME", raising=False)
    storage, media_url = env.media_storage()
    assert storage["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert media_url == "/media/"


def test_images_and_renditions_go_to_the_bucket(home, bucket, settings):
    assert f"{bucket.meta.endpoint_url}/{BUCKET}/media/" == settings.MEDIA_URL
    content = png()
    image = Image.objects.create(title="Atelier", file=ImageFile(io.BytesIO(content), name="atelier.png"))
    assert (image.width, image.height) == (320, 200)
    assert f"media/{image.file.name}" in stored_keys(bucket)
    with image.file.open("rb") as stored:
        assert stored.read() == content

    rendition = image.get_rendition("fill-100x80")
    assert f"media/{rendition.file.name}" in stored_keys(bucket)
    assert rendition.url.startswith(settings.MEDIA_URL)
    with urllib.request.urlopen(rendition.url, timeout=10) as response:  # noqa: S310 - the loopback server
        served = PILImage.open(io.BytesIO(response.read()))
    assert served.size == (100, 80)


def test_documents_are_stored_in_the_bucket_and_served_through_the_site(home, bucket, client):
    document = Document.objects.create(
        title="Compte rendu", file=ContentFile(b"Compte rendu de l'atelier", name="cr.txt")
    )
    assert f"media/{document.file.name}" in stored_keys(bucket)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Compte rendu de l'atelier"
