def test_admin_login_page_renders(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert 'name="username"' in response.content.decode()


def test_anonymous_user_is_sent_to_login(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_superuser_reaches_the_dashboard(client, home, superuser):
    response = client.post("/admin/login/", {"username": "root", "password": "password"}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/admin/"
    assert "Dashboard" in response.content.decode() or "Tableau de bord" in response.content.decode()
