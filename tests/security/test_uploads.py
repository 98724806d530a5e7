"""Uploads are bounded by their size before anything reads them into memory."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.test import override_settings
from django.urls import reverse

from tdkt.commendations.models import ProposalAttachment
from tests.commendations.conftest import PDF

pytestmark = pytest.mark.django_db


def named(name: str, data: bytes) -> io.BytesIO:
    """A file for the test client (not an uploaded-file object, which the patch would hit)."""
    file = io.BytesIO(data)
    file.name = name
    return file


@pytest.fixture
def no_reading(monkeypatch):
    """Make reading an uploaded file fail loudly, so a test proves nothing read it."""

    def boom(self, *args, **kwargs):
        raise AssertionError("the oversized upload was read")

    monkeypatch.setattr(InMemoryUploadedFile, "read", boom)


@override_settings(TDKT_ATTACHMENT_MAX_BYTES=200)
def test_oversized_dossier_file_is_refused_unread(registry, proposal, client_of, no_reading):
    """A dossier file over the limit is refused with the limit in Vietnamese; nothing stored."""
    url = reverse("commendations:attachment-create", kwargs={"uuid": proposal.uuid})
    big = named("ho-so.pdf", PDF + b"0" * 400)
    response = client_of(registry.investment_head).post(
        url, {"kind": "other", "file": big, "version": proposal.version}
    )
    assert response.status_code == 400
    assert "Tệp quá lớn" in response.content.decode()
    assert not ProposalAttachment.objects.exists()


@override_settings(TDKT_IMPORT_MAX_BYTES=200)
def test_oversized_line_import_is_refused_unread(registry, proposal, client_of, no_reading):
    """A spreadsheet of lines over the import limit is refused before it is read."""
    url = reverse("commendations:proposal-import", kwargs={"uuid": proposal.uuid})
    big = named("danh-sach.csv", b"a,b\n" * 200)
    response = client_of(registry.investment_head).post(url, {"file": big})
    assert response.status_code == 400
    assert "Tệp quá lớn" in response.content.decode()
    assert proposal.lines.count() == 1
