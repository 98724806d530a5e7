"""Documents attached to an application: checked by their bytes, private to its readers."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from tdkt.audit.models import AuditEvent
from tdkt.core.errors import ApplicationError, ConflictError, PermissionDeniedError
from tdkt.initiatives.models import ApplicationFile
from tdkt.initiatives.services import (
    application_file_add,
    application_file_remove,
    application_submit,
)

from .conftest import filed

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _private_root(tmp_path):
    with override_settings(TDKT_PRIVATE_ROOT=str(tmp_path)):
        yield


def test_the_filer_attaches_a_pdf_and_only_readers_download_it(cast, client):
    application = filed(cast)
    attached = application_file_add(
        actor=cast.anh_user, application=application, name="mo-ta.pdf", data=PDF
    )
    assert attached.content_type == "application/pdf"
    assert AuditEvent.objects.filter(
        object_id=str(application.uuid), event_type="initiative_application.updated"
    ).exists()
    url = reverse("initiatives:application-file-download", kwargs={"uuid": attached.uuid})
    client.force_login(cast.registry.officer)
    response = client.get(url)
    assert response.status_code == 200 and response.content == PDF
    assert response["Cache-Control"] == "private, no-store"
    client.force_login(cast.duc_user)
    assert client.get(url).status_code == 404


def test_a_file_that_is_not_what_its_name_says_is_refused(cast):
    application = filed(cast)
    with pytest.raises(ApplicationError, match="Chỉ nhận tệp"):
        application_file_add(
            actor=cast.anh_user, application=application, name="mo-ta.pdf", data=b"MZ\x90\x00"
        )
    assert not ApplicationFile.objects.exists()


def test_only_the_filer_attaches_and_only_to_a_draft(cast):
    application = filed(cast)
    with pytest.raises(PermissionDeniedError):
        application_file_add(
            actor=cast.registry.officer, application=application, name="a.pdf", data=PDF
        )
    attached = application_file_add(
        actor=cast.anh_user, application=application, name="a.pdf", data=PDF
    )
    application_submit(actor=cast.anh_user, application=application)
    application.refresh_from_db()
    with pytest.raises(ConflictError):
        application_file_add(actor=cast.anh_user, application=application, name="b.pdf", data=PDF)
    with pytest.raises(ConflictError):
        application_file_remove(actor=cast.anh_user, attached=attached)


def test_upload_from_the_page_and_remove(cast, client):
    application = filed(cast)
    client.force_login(cast.anh_user)
    detail = reverse("initiatives:application-detail", kwargs={"uuid": application.uuid})
    assert "Tệp kèm theo" in client.get(detail).content.decode()
    client.post(
        reverse("initiatives:application-file-add", kwargs={"uuid": application.uuid}),
        {"file": SimpleUploadedFile("so-lieu.pdf", PDF, content_type="application/pdf")},
    )
    attached = ApplicationFile.objects.get()
    assert "so-lieu.pdf" in client.get(detail).content.decode()
    client.post(reverse("initiatives:application-file-remove", kwargs={"uuid": attached.uuid}))
    assert not ApplicationFile.objects.exists()
