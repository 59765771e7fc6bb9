"""E-mails (.eml, or a raw e-mail saved as text) → subject, date, sender and the message text.

The standard library's `email` package reads the MIME structure; the headers never reach the
body, and an HTML-only message is made text like a saved page. Attachments are not opened.
"""

from __future__ import annotations

import email.parser
import email.policy
import email.utils
from dataclasses import dataclass
from email.message import EmailMessage

from reader.core.ingest import htmlpage, page_text

MAX_PARTS = 200


@dataclass(frozen=True)
class Message:
    """What an e-mail says: its subject, ISO date, sender and the text of its message."""

    subject: str | None
    date: str | None
    sender: str | None
    paragraphs: tuple[str, ...]
    attachments: tuple[str, ...]


def read(data: bytes) -> Message:
    """Read an e-mail's bytes (malformed headers are read as far as they go)."""
    message = email.parser.BytesParser(policy=email.policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    return Message(
        subject=_header(message, "subject"),
        date=_date(message),
        sender=_header(message, "from"),
        paragraphs=tuple(_paragraphs(message)),
        attachments=tuple(_attachments(message)),
    )


def _header(message: EmailMessage, name: str) -> str | None:
    try:
        value = message.get(name)
    except (ValueError, IndexError, TypeError):  # a header the parser cannot decode
        value = None
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def _date(message: EmailMessage) -> str | None:
    raw = _header(message, "date")
    if not raw:
        return None
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None
    return when.date().isoformat() if when else None


def _paragraphs(message: EmailMessage) -> list[str]:
    try:
        part = message.get_body(preferencelist=("plain", "html"))
    except (KeyError, ValueError, IndexError):
        part = None
    if part is None:
        return []
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):  # an unknown charset or encoding
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        return []
    if part.get_content_subtype() == "html":
        return [text for _, text in htmlpage.read(content).blocks]
    return page_text.blank_line_paragraphs(content)


def _attachments(message: EmailMessage) -> list[str]:
    names: list[str] = []
    for count, part in enumerate(message.walk()):
        if count > MAX_PARTS:
            break
        name = part.get_filename() if not part.is_multipart() else None
        if name:
            names.append(" ".join(str(name).split()))
    return names
