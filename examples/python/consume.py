#!/usr/bin/env python3
"""Consume a Khabar topic from Python and print each record as one JSON line.

Khabar's values use Avro *single-object encoding*:

    C3 01 | 8-byte little-endian CRC-64-AVRO fingerprint of the writer's schema | Avro binary body

This script loads the .avsc files (the current schemas and every earlier version), computes each
one's fingerprint from its Parsing Canonical Form, looks up the fingerprint a record carries,
and decodes the body with that writer schema resolved to the current schema of the same record
type — so records written by older Khabar versions still decode.

Needs Debian's python3-avro and python3-confluent-kafka (or pip's avro and confluent-kafka).

    python3 examples/python/consume.py --bootstrap localhost:9092 --topic news.enriched --max 10
"""
import argparse
import base64
import datetime
import glob
import io
import json
import os
import struct
import sys
import uuid

import avro.io
import avro.schema
from confluent_kafka import Consumer, KafkaError

MAGIC = b"\xc3\x01"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCHEMA_DIRS = [
    os.path.join(HERE, "..", "..", "schemas", "src", "main", "avro"),
    os.path.join(HERE, "..", "..", "schemas", "src", "main", "resources", "dev", "khabar", "schemas", "history"),
]

# --- CRC-64-AVRO of the Parsing Canonical Form (Avro specification, "Schema Fingerprints") ------

_EMPTY = 0xC15D213AA4D7A795
_TABLE = []
for _i in range(256):
    _fp = _i
    for _ in range(8):
        _fp = (_fp >> 1) ^ (_EMPTY & -(_fp & 1))
    _TABLE.append(_fp & 0xFFFFFFFFFFFFFFFF)


def crc64_avro(data: bytes) -> int:
    fp = _EMPTY
    for b in data:
        fp = (fp >> 8) ^ _TABLE[(fp ^ b) & 0xFF]
    return fp


_PRIMITIVES = {"null", "boolean", "int", "long", "float", "double", "bytes", "string"}


def _fullname(name, namespace):
    if "." in name or not namespace:
        return name
    return namespace + "." + name


def canonical(schema, namespace=None, seen=None):
    """The Parsing Canonical Form of a schema given as parsed JSON, as a compact JSON string."""
    seen = set() if seen is None else seen
    if isinstance(schema, str):
        if schema in _PRIMITIVES:
            return json.dumps(schema)
        return json.dumps(_fullname(schema, namespace))
    if isinstance(schema, list):
        return "[" + ",".join(canonical(s, namespace, seen) for s in schema) + "]"
    kind = schema["type"]
    if kind in _PRIMITIVES:  # {"type": "long", "logicalType": ...} is just "long"
        return json.dumps(kind)
    if kind in ("record", "error", "enum", "fixed"):
        name = _fullname(schema["name"], schema.get("namespace", namespace))
        if name in seen:
            return json.dumps(name)
        seen.add(name)
        inner_ns = name.rsplit(".", 1)[0] if "." in name else None
        out = '{"name":' + json.dumps(name) + ',"type":' + json.dumps("record" if kind == "error" else kind)
        if kind in ("record", "error"):
            fields = ",".join('{"name":' + json.dumps(f["name"]) + ',"type":' + canonical(f["type"], inner_ns, seen) + "}"
                              for f in schema["fields"])
            out += ',"fields":[' + fields + "]"
        elif kind == "enum":
            out += ',"symbols":' + json.dumps(schema["symbols"], separators=(",", ":"))
        else:
            out += ',"size":' + str(schema["size"])
        return out + "}"
    if kind == "array":
        return '{"type":"array","items":' + canonical(schema["items"], namespace, seen) + "}"
    if kind == "map":
        return '{"type":"map","values":' + canonical(schema["values"], namespace, seen) + "}"
    return canonical(kind, namespace, seen)  # {"type": "SomeNamedType"}


def fingerprint(schema_json) -> int:
    return crc64_avro(canonical(schema_json).encode("utf-8"))


# --- schemas and decoding ---------------------------------------------------------------------------

class SchemaBook:
    """Every schema found in the given directories, by fingerprint, plus the current one per record name."""

    def __init__(self, dirs):
        self.by_fingerprint = {}
        self.current = {}
        for d in dirs:
            is_history = os.path.basename(os.path.normpath(d)) == "history"
            for path in sorted(glob.glob(os.path.join(d, "*.avsc"))):
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                as_json = json.loads(text)
                parsed = avro.schema.parse(text)
                self.by_fingerprint[fingerprint(as_json)] = parsed
                if not is_history:
                    self.current[parsed.fullname] = parsed
        if not self.by_fingerprint:
            raise SystemExit("no .avsc files in " + ", ".join(dirs))

    def decode(self, value: bytes):
        if value is None or len(value) < 10 or value[:2] != MAGIC:
            raise ValueError("not Avro single-object encoding")
        (fp,) = struct.unpack("<Q", value[2:10])
        writer = self.by_fingerprint.get(fp)
        if writer is None:
            raise ValueError("unknown schema fingerprint %016x (is this script's schema folder up to date?)" % fp)
        reader = self.current.get(writer.fullname, writer)
        return avro.io.DatumReader(writer, reader).read(avro.io.BinaryDecoder(io.BytesIO(value[10:])))


def plain(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    raise TypeError(repr(value))


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--bootstrap", default="localhost:9092", help="Kafka bootstrap servers")
    p.add_argument("--topic", default="news.enriched")
    p.add_argument("--group", default=None, help="consumer group (default: a new one, so reading starts at the oldest record)")
    p.add_argument("--max", type=int, default=0, help="stop after N records (0: never)")
    p.add_argument("--idle-seconds", type=float, default=0, help="stop after this long without a record (0: never)")
    p.add_argument("--schemas", action="append", help="folder of .avsc files (repeatable; default: the repository's)")
    args = p.parse_args(argv)

    book = SchemaBook(args.schemas or DEFAULT_SCHEMA_DIRS)
    consumer = Consumer({
        "bootstrap.servers": args.bootstrap,
        "group.id": args.group or "khabar-python-" + uuid.uuid4().hex[:8],
        "auto.offset.reset": "earliest",
        "isolation.level": "read_committed",  # only what Khabar's transactions committed
        "enable.auto.commit": False,
    })
    consumer.subscribe([args.topic])
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", line_buffering=True)
    printed = 0
    idle = 0.0
    try:
        while not args.max or printed < args.max:
            msg = consumer.poll(0.5)
            if msg is None:
                idle += 0.5
                if args.idle_seconds and idle >= args.idle_seconds:
                    break
                continue
            if msg.error():
                if msg.error().code() == KafkaError._PARTITION_EOF:
                    continue
                raise SystemExit("Kafka error: %s" % msg.error())
            idle = 0.0
            try:
                record = book.decode(msg.value())
            except ValueError as e:
                record = {"undecodable": str(e)}
            record["_partition"], record["_offset"] = msg.partition(), msg.offset()
            out.write(json.dumps(record, ensure_ascii=False, default=plain) + "\n")
            consumer.commit(message=msg, asynchronous=False)
            printed += 1
    finally:
        consumer.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
