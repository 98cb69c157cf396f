#!/usr/bin/env python3
"""dpkg-deb -x for machines without dpkg: a .deb is an ar archive holding data.tar.{xz,gz,zst}.
  extract_deb.py DEB DEST"""
import io
import sys
import tarfile

deb, dest = sys.argv[1], sys.argv[2]
with open(deb, "rb") as f:
    blob = f.read()
assert blob[:8] == b"!<arch>\n", deb + ": not an ar archive"
pos = 8
while pos < len(blob):
    name = blob[pos:pos + 16].decode().strip().rstrip("/")
    size = int(blob[pos + 48:pos + 58].decode().strip())
    data = blob[pos + 60:pos + 60 + size]
    pos += 60 + size + (size & 1)
    if name.startswith("data.tar"):
        if name.endswith(".zst"):
            sys.exit(deb + ": zstd data needs dpkg-deb or python zstandard")
        with tarfile.open(fileobj=io.BytesIO(data)) as t:
            t.extractall(dest)
        break
else:
    sys.exit(deb + ": no data.tar member")
