"""The backup encryption on its own: what goes in comes out, and a wrong key,
a missing end, reordered or altered parts are each refused by name."""

import io
import os
import struct

import pytest

from psg.core.backups import crypto


def encrypt(data, key="k"):
    sink = io.BytesIO()
    writer = crypto.EncryptingWriter(sink, key)
    for start in range(0, len(data), 300_000):  # written in pieces, as tar does
        writer.write(data[start : start + 300_000])
    writer.close()
    return sink.getvalue()


def decrypt(tmp_path, sealed, key="k"):
    (tmp_path / "in").write_bytes(sealed)
    crypto.decrypt_file(tmp_path / "in", tmp_path / "out", key)
    return (tmp_path / "out").read_bytes()


def parts(sealed):
    """Split an encrypted file into its header and its sealed parts."""
    offset = len(crypto.MAGIC) + crypto.SALT_SIZE + crypto.CHECK_SIZE
    offset += crypto.PREFIX_SIZE
    header, chunks = sealed[:offset], []
    while offset < len(sealed):
        (size,) = struct.unpack(">I", sealed[offset : offset + 4])
        chunks.append(sealed[offset : offset + 4 + size])
        offset += 4 + size
    return header, chunks


@pytest.mark.parametrize("size", [0, 1, crypto.CHUNK, 2 * crypto.CHUNK + 17])
def test_what_goes_in_comes_out(tmp_path, size):
    data = os.urandom(size)
    sealed = encrypt(data)
    assert size < 64 or data[:64] not in sealed  # no plain text in the file
    assert decrypt(tmp_path, sealed) == data


def test_a_wrong_key_is_named(tmp_path):
    with pytest.raises(crypto.WrongKey):
        decrypt(tmp_path, encrypt(b"members"), key="other")


def test_a_missing_swapped_or_extra_part_is_refused(tmp_path):
    header, chunks = parts(encrypt(os.urandom(3 * crypto.CHUNK)))
    assert len(chunks) == 3
    for broken in (
        header + chunks[0] + chunks[1],  # the last part cut off
        header + chunks[1] + chunks[0] + chunks[2],  # reordered
        header + b"".join(chunks) + chunks[2],  # more after the last
    ):
        with pytest.raises(crypto.Damaged):
            decrypt(tmp_path, broken)
