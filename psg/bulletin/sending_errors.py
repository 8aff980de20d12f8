"""What an error while sending one message of an edition means for the run.

Sending one message can go wrong in three ways, and each asks for something
else (docs/bulletin.md, "When sending goes wrong"):

- the message itself: its address cannot be encoded, or the server refuses
  that recipient for good (5xx) or for now (4xx about the mailbox itself):
  that row fails, or waits for a later run, and the rest go on;
- the server or the connection: it cannot be reached, closes (421), refuses
  the sender, rate-limits or runs out of room (451, 452 "too many
  recipients"), or refuses the whole transaction (554 after DATA): nothing
  is wrong with the recipient, so the run stops, the row waits, and the send
  is tried again later;
- no answer after the whole message went: the server may have it. That row
  is left "unknown" and never sent again by itself.
"""

import enum
import re
import smtplib

# "4.2.2" at the start of a reply: the enhanced status code (RFC 3463).
_ENHANCED_STATUS = re.compile(rb"^\s*[245]\.(\d{1,3})\.\d{1,3}\b")
# RFC 3463 subjects that are about the recipient: 1 addressing, 2 mailbox.
_RECIPIENT_SUBJECTS = {b"1", b"2"}


class Verdict(enum.Enum):
    FAIL = "fail"  # this recipient, for good
    RETRY = "retry"  # this recipient, in a later run
    STOP = "stop"  # the server or connection: stop the run, try later
    UNKNOWN = "unknown"  # the server may have the message


def _reply_bytes(reply):
    return reply if isinstance(reply, bytes) else str(reply).encode()


def recipient_reply(error):
    """(code, reply) of the refused recipient, or None for other errors."""
    if isinstance(error, smtplib.SMTPRecipientsRefused) and error.recipients:
        code, reply = next(iter(error.recipients.values()))
        return code, _reply_bytes(reply)
    return None


def is_about_recipient(code, reply):
    """Whether a refusal of RCPT TO concerns that recipient rather than the
    server: every 5xx (the recipient's own refusal for good), and a 4xx whose
    enhanced status is about the address or the mailbox (452 4.2.2 mailbox
    full), or a bare 450 (mailbox unavailable). 421 (closing), 451 (local
    error), 452 4.5.3 (too many recipients), 4.7.x (rate limits, policy)
    are the server's."""
    if code == 421:
        return False
    if code >= 500:
        return True
    match = _ENHANCED_STATUS.match(_reply_bytes(reply))
    if match:
        return match.group(1) in _RECIPIENT_SUBJECTS
    return code == 450


def verdict(error, handed_over):
    """What to do about ``error`` raised while sending one message;
    ``handed_over`` says whether the whole message had gone to the server
    when it happened (see psg.core.smtp)."""
    if handed_over:
        return Verdict.UNKNOWN
    reply = recipient_reply(error)
    if reply is not None and is_about_recipient(*reply):
        return Verdict.FAIL if reply[0] >= 500 else Verdict.RETRY
    return Verdict.STOP


def error_text(error):
    """The server's answer (or the error) in one line of at most 500
    characters, as a delivery or an edition records it."""
    if reply := recipient_reply(error):
        code, text = reply
    elif isinstance(error, smtplib.SMTPResponseException):
        code, text = error.smtp_code, error.smtp_error
    else:
        code, text = type(error).__name__ + ":", str(error)
    if isinstance(text, bytes):
        text = text.decode(errors="replace")
    return " ".join(f"{code} {text}".split())[:500]
