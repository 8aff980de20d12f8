"""Encryption at rest for backups: streaming AES-256-GCM under a passphrase.

An encrypted backup is a header followed by chunks of at most 1 MiB, each
sealed with AES-GCM under a key derived from the passphrase (PSG_BACKUP_KEY)
with scrypt and a random salt. Each chunk's nonce holds its number and
whether it is the last, so a chunk cannot be reordered, dropped or followed
by more, and a truncated file is refused. The header carries a check value of
the key, so a wrong key is told apart from a damaged file. See
docs/security.md#backups.

    header  MAGIC, salt (16 bytes), key check (32), nonce prefix (7)
    chunk   length (4 bytes, big-endian), ciphertext with its 16-byte tag
"""

import hashlib
import hmac
import os
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"PSG-BACKUP-AESGCM-1\n"
CHUNK = 1024 * 1024
SALT_SIZE = 16
CHECK_SIZE = 32
PREFIX_SIZE = 7
TAG_SIZE = 16


class WrongKey(Exception):
    """The passphrase is not the one the backup was made with."""


class Damaged(Exception):
    """The encrypted file is truncated or altered."""


def derive_keys(passphrase, salt):
    """The AES key and the key-check value for ``passphrase`` and ``salt``."""
    material = hashlib.scrypt(
        passphrase.encode(),
        salt=salt,
        n=2**15,
        r=8,
        p=1,
        maxmem=64 * 1024**2,
        dklen=64,
    )
    check = hmac.new(material[32:], b"psg-backup-key-check", "sha256").digest()
    return material[:32], check


def _nonce(prefix, number, last):
    return prefix + struct.pack(">IB", number, 1 if last else 0)


def is_encrypted(path):
    with open(path, "rb") as file:
        return file.read(len(MAGIC)) == MAGIC


class EncryptingWriter:
    """A write-only file object that encrypts what is written into ``target``;
    ``close()`` seals the last chunk (and does not close ``target``)."""

    def __init__(self, target, passphrase):
        self.target = target
        salt = os.urandom(SALT_SIZE)
        key, check = derive_keys(passphrase, salt)
        self.aead = AESGCM(key)
        self.prefix = os.urandom(PREFIX_SIZE)
        self.number = 0
        self.buffer = bytearray()
        target.write(MAGIC + salt + check + self.prefix)

    def write(self, data):
        self.buffer += data
        while len(self.buffer) > CHUNK:
            self._seal(bytes(self.buffer[:CHUNK]), last=False)
            del self.buffer[:CHUNK]
        return len(data)

    def _seal(self, plain, last):
        sealed = self.aead.encrypt(_nonce(self.prefix, self.number, last), plain, MAGIC)
        self.target.write(struct.pack(">I", len(sealed)) + sealed)
        self.number += 1

    def close(self):
        if self.buffer is not None:
            self._seal(bytes(self.buffer), last=True)
            self.buffer = None

    def flush(self):
        self.target.flush()


def decrypt_file(source_path, target_path, passphrase):
    """Decrypt ``source_path`` into ``target_path``; raises WrongKey or Damaged.

    Every chunk's tag is checked, and the file must end with the chunk marked
    last, before anything from it is used.
    """
    with open(source_path, "rb") as source, open(target_path, "wb") as target:
        header = source.read(len(MAGIC) + SALT_SIZE + CHECK_SIZE + PREFIX_SIZE)
        if len(header) < len(MAGIC) + SALT_SIZE + CHECK_SIZE + PREFIX_SIZE:
            raise Damaged("the header is incomplete")
        salt = header[len(MAGIC) : len(MAGIC) + SALT_SIZE]
        check = header[len(MAGIC) + SALT_SIZE : -PREFIX_SIZE]
        prefix = header[-PREFIX_SIZE:]
        key, expected_check = derive_keys(passphrase, salt)
        if not hmac.compare_digest(check, expected_check):
            raise WrongKey()
        aead = AESGCM(key)
        number = 0
        while True:
            length = source.read(4)
            if len(length) < 4:
                raise Damaged("the file ends before its last part")
            (size,) = struct.unpack(">I", length)
            if size < TAG_SIZE or size > CHUNK + TAG_SIZE:
                raise Damaged("a part has an impossible length")
            sealed = source.read(size)
            if len(sealed) < size:
                raise Damaged("the file ends inside a part")
            for last in (False, True):
                try:
                    plain = aead.decrypt(_nonce(prefix, number, last), sealed, MAGIC)
                except InvalidTag:
                    continue
                break
            else:
                raise Damaged(f"part {number} does not match its seal")
            target.write(plain)
            number += 1
            if last:
                if source.read(1):
                    raise Damaged("there is data after the last part")
                return
