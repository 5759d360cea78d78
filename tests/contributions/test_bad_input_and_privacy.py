"""Uploads checked by content and hidden before review, hostile input, forged ids, a lab
deleted meanwhile, and the member's data (download, erasure) and public channels."""

import io
import json
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from factories import MemberFactory, SubmissionFactory
from factories.editorial import network_editor
from PIL import Image

from contributions.models import Submission, SubmissionFile
from members.data import erase_member, member_data

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def upload(client, submission, name, content, **extra):
    data = {"file": SimpleUploadedFile(name, content), "title": "Délibération", "licence": "etalab-2.0"}
    return client.post(reverse("contributions:upload", args=[submission.pk]), data, **extra)


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


def test_pdf_office_and_image_files_are_accepted_by_content(member_client, member, lab):
    submission = SubmissionFactory(member=member, lab=lab)
    for name, content in [("a.pdf", PDF), ("b.docx", docx()), ("c.bin", png())]:
        assert upload(member_client, submission, name, content).status_code == 302
    kinds = sorted(file.document.file.name.rsplit(".", 1)[1] for file in submission.files.all())
    assert kinds == ["docx", "pdf", "png"]  # named by what they contain


def test_an_exe_renamed_pdf_is_refused(member_client, member):
    submission = SubmissionFactory(member=member)
    response = upload(member_client, submission, "rapport.pdf", b"MZ\x90\x00" + b"\x00" * 200, follow=True)
    assert response.status_code == 200
    assert "PDF" in response.content.decode()
    assert not submission.files.exists()


def test_a_file_over_the_limit_is_refused_before_it_is_read(member_client, member, settings):
    settings.PRAXIS_CONTRIBUTION_MAX_UPLOAD_BYTES = 1024 * 1024
    submission = SubmissionFactory(member=member)
    response = upload(member_client, submission, "gros.pdf", PDF + b"0" * (2 * 1024 * 1024), follow=True)
    assert response.status_code == 200
    assert "1 Mo" in response.content.decode() or "1 MB" in response.content.decode()
    assert not submission.files.exists()
    # A 200 MB announcement is refused on its header alone.
    response = member_client.post(
        reverse("contributions:upload", args=[submission.pk]),
        data=b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(200 * 1024 * 1024),
    )
    assert response.status_code == 302
    assert not submission.files.exists()


def test_a_submitted_document_is_not_served_before_publication(client, member, lab, django_capture_on_commit_callbacks):
    submission = SubmissionFactory(member=member, lab=lab)
    client.force_login(member.user)
    upload(client, submission, "a.pdf", PDF)
    document = submission.files.get().document
    url = reverse("wagtaildocs_serve", args=[document.pk, document.filename])
    assert client.get(url).status_code == 200  # its author
    client.post(reverse("contributions:preview", args=[submission.pk]), {"lab": lab.pk})
    client.logout()
    assert client.get(url).status_code == 404  # anyone else
    client.force_login(MemberFactory().user)
    assert client.get(url).status_code == 404
    submission.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        submission.page.current_workflow_task_state.specific.approve(user=network_editor())
    client.logout()
    assert client.get(url).status_code == 200
    assert SubmissionFile.objects.get().published


def test_someone_elses_submission_is_a_404(member_client, member):
    other = SubmissionFactory()
    for url in [
        reverse("contributions:step", args=[other.pk, "summary"]),
        reverse("contributions:preview", args=[other.pk]),
    ]:
        assert member_client.get(url).status_code == 404
    response = member_client.post(reverse("contributions:autosave", args=[other.pk, "summary"]), {"title": "x"})
    assert response.status_code == 404
    assert member_client.get(reverse("contributions:step", args=[999999, "summary"])).status_code == 404
    mine = SubmissionFactory(member=member)
    assert member_client.get(reverse("contributions:step", args=[mine.pk, "no-such-step"])).status_code == 404
    assert member_client.post(reverse("contributions:autosave", args=[mine.pk, "nope"]), {}).status_code == 404


def test_anonymous_and_pending_members_cannot_share(client, db):
    response = client.get(reverse("contributions:index"))
    assert response.status_code == 302 and "login" in response.url
    pending = MemberFactory(status="pending")
    client.force_login(pending.user)
    assert client.get(reverse("contributions:index")).status_code == 403


def test_hostile_html_is_escaped_in_the_preview_and_kept_as_text(member_client, member, lab):
    submission = SubmissionFactory(member=member)
    member_client.post(reverse("contributions:step", args=[submission.pk, "problem"]), {"problem": HOSTILE})
    member_client.post(
        reverse("contributions:step", args=[submission.pk, "summary"]), {"title": HOSTILE, "summary": HOSTILE}
    )
    html = member_client.get(reverse("contributions:preview", args=[submission.pk])).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html
    member_client.post(reverse("contributions:preview", args=[submission.pk]), {"lab": lab.pk})
    submission.refresh_from_db()
    assert "<script>" not in submission.page.get_latest_revision_as_object().problem


def test_a_nul_byte_is_a_form_error(member_client, member):
    submission = SubmissionFactory(member=member, data={})
    response = member_client.post(
        reverse("contributions:step", args=[submission.pk, "summary"]), {"title": "a\x00b", "summary": "ok"}
    )
    assert response.status_code == 400
    submission.refresh_from_db()
    assert "title" not in submission.data


def test_a_lab_deleted_meanwhile_keeps_the_draft_and_says_so(member_client, member, lab):
    submission = SubmissionFactory(member=member, lab=lab)
    submission.data = {**submission.data, "lab_id": lab.pk}
    submission.save()
    lab.delete()
    response = member_client.get(reverse("contributions:preview", args=[submission.pk]))
    assert response.status_code == 200
    assert "n’existe plus" in response.content.decode()
    response = member_client.post(reverse("contributions:preview", args=[submission.pk]), {})
    assert response.status_code == 400
    submission.refresh_from_db()
    assert submission.page is None and submission.data["title"]


def test_submissions_stay_out_of_search_api_and_sitemap(member_client, member, lab, client):
    submission = SubmissionFactory(member=member, data={**SubmissionFactory.build().data, "title": "Zorglub secret"})
    member_client.post(reverse("contributions:preview", args=[submission.pk]), {"lab": lab.pk})
    client.logout()
    assert submission.__class__.objects.get(pk=submission.pk).page is not None
    search = reverse("search:index")
    for url in [
        f"{search}?q=Zorglub",
        reverse("search:feed_rss") + "?q=Zorglub",
        reverse("search:export", args=["csv"]) + "?q=Zorglub",
        "/api/v2/pages/?search=Zorglub",
        "/api/v2/pages/?type=practices.PracticePage&fields=summary",
        "/sitemap.xml",
    ]:
        response = client.get(url, follow=True)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert "Zorglub secret" not in body.decode(), url


def test_the_members_data_download_and_erasure(member, lab, client):
    draft = SubmissionFactory(member=member, data={"title": "Brouillon"})
    sent = SubmissionFactory(member=member)
    client.force_login(member.user)
    client.post(reverse("contributions:preview", args=[sent.pk]), {"lab": lab.pk})
    data = member_data(member)
    assert sorted(item["title"] for item in data["submissions"]) == ["Bibliothèques ouvertes le dimanche", "Brouillon"]
    json.dumps(data)
    erase_member(member)
    assert not Submission.objects.filter(pk=draft.pk).exists()
    sent.refresh_from_db()
    assert sent.member is None and sent.page is not None  # the editors keep what went to review
