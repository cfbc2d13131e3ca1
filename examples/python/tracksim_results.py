"""Read the per-run series of a TrackSim results folder.

    from tracksim_results import read_series
    series = read_series("results/india-pakistan")   # series.parquet, or series.csv

Columns: variant, replicate, step, date, metric, subject, value, in the order TrackSim wrote
them. With pandas installed the result is a DataFrame (date as datetime64, replicate and step
as int32, value as float64); without pandas it is a dict of column name -> list.

series.parquet is read with pandas and pyarrow when both are installed. Otherwise a small reader
below reads it with the standard library only; it reads exactly what TrackSim writes (required columns,
GZIP or no compression, PLAIN and dictionary encodings, data pages v1 and v2) and stops with a
message naming anything else. For other Parquet files, install pyarrow.
"""

import datetime
import gzip
import os
import struct
import sys

COLUMNS = ["variant", "replicate", "step", "date", "metric", "subject", "value"]
EPOCH = datetime.date(1970, 1, 1)

try:
    import pandas
except ImportError:
    pandas = None


def read_series(folder, builtin=False):
    """The series of the results folder `folder`, from series.parquet or else series.csv.

    builtin=True reads series.parquet with the reader below even when pyarrow is installed.
    """
    parquet = os.path.join(folder, "series.parquet")
    if os.path.exists(parquet):
        return read_parquet(parquet, builtin)
    return read_csv(os.path.join(folder, "series.csv"))


def read_csv(path):
    """series.csv, typed as read_parquet types series.parquet."""
    if pandas is not None:
        # round_trip: pandas' default float parser may be a unit in the last place off.
        return pandas.read_csv(path, dtype={"replicate": "int32", "step": "int32", "value": "float64"},
                               parse_dates=["date"], float_precision="round_trip", keep_default_na=False)
    import csv
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return {
        "variant": [r["variant"] for r in rows],
        "replicate": [int(r["replicate"]) for r in rows],
        "step": [int(r["step"]) for r in rows],
        "date": [datetime.date.fromisoformat(r["date"]) for r in rows],
        "metric": [r["metric"] for r in rows],
        "subject": [r["subject"] for r in rows],
        "value": [float(r["value"]) for r in rows],
    }


def read_parquet(path, builtin=False):
    """series.parquet as a DataFrame (or dict of lists without pandas)."""
    if not builtin and pandas is not None:
        try:
            import pyarrow  # noqa: F401  (pandas.read_parquet needs it or fastparquet)
            frame = pandas.read_parquet(path)
            frame["date"] = pandas.to_datetime(frame["date"])  # a DATE column arrives as datetime.date objects
            return frame
        except ImportError:
            pass
    columns = read_parquet_columns(path)
    days = columns["date"]
    if pandas is None:
        columns["date"] = [EPOCH + datetime.timedelta(days=d) for d in days]
        return columns
    frame = pandas.DataFrame({name: columns[name] for name in columns})
    frame["date"] = pandas.to_datetime(pandas.Series(days, dtype="int64"), unit="D")
    for name in ("replicate", "step"):
        frame[name] = frame[name].astype("int32")
    return frame


class ParquetError(Exception):
    """A file this reader does not read, with what and where."""


# --- Thrift compact protocol: the footer and the page headers are structs in it. ---

class _Thrift:
    """Decodes a compact-protocol struct to {field id: value} (nested structs likewise)."""

    def __init__(self, data, pos=0):
        self.data, self.pos = data, pos

    def byte(self):
        b = self.data[self.pos]
        self.pos += 1
        return b

    def varint(self):
        result = shift = 0
        while True:
            b = self.byte()
            result |= (b & 0x7F) << shift
            shift += 7
            if b < 0x80:
                return result

    def zigzag(self):
        n = self.varint()
        return (n >> 1) ^ -(n & 1)

    def value(self, kind):
        if kind in (1, 2):                        # bool, in a struct field's type nibble
            return kind == 1
        if kind == 3:                             # byte
            return struct.unpack("b", bytes([self.byte()]))[0]
        if kind in (4, 5, 6):                     # i16, i32, i64
            return self.zigzag()
        if kind == 7:                             # double
            self.pos += 8
            return struct.unpack_from("<d", self.data, self.pos - 8)[0]
        if kind == 8:                             # binary or string
            n = self.varint()
            self.pos += n
            return bytes(self.data[self.pos - n:self.pos])
        if kind in (9, 10):                       # list, set
            head = self.byte()
            size, element = head >> 4, head & 0x0F
            if size == 15:
                size = self.varint()
            if element in (1, 2):                 # bools in a list are one byte each
                return [self.byte() == 1 for _ in range(size)]
            return [self.value(element) for _ in range(size)]
        if kind == 11:                            # map
            size = self.varint()
            if size == 0:
                return {}
            types = self.byte()
            return {self.value(types >> 4): self.value(types & 0x0F) for _ in range(size)}
        if kind == 12:                            # struct
            return self.struct()
        raise ParquetError(f"unknown thrift type {kind} at byte {self.pos}")

    def struct(self):
        fields, last = {}, 0
        while True:
            head = self.byte()
            if head == 0:
                return fields
            delta, kind = head >> 4, head & 0x0F
            field = last + delta if delta else self.zigzag()
            fields[field] = self.value(kind)
            last = field


# --- Parquet: names of the enum values TrackSim's files use, for the messages. ---

TYPES = {0: "BOOLEAN", 1: "INT32", 2: "INT64", 3: "INT96", 4: "FLOAT", 5: "DOUBLE", 6: "BYTE_ARRAY",
         7: "FIXED_LEN_BYTE_ARRAY"}
CODECS = {0: "UNCOMPRESSED", 1: "SNAPPY", 2: "GZIP", 3: "LZO", 4: "BROTLI", 5: "LZ4", 6: "ZSTD", 7: "LZ4_RAW"}
ENCODINGS = {0: "PLAIN", 2: "PLAIN_DICTIONARY", 3: "RLE", 4: "BIT_PACKED", 5: "DELTA_BINARY_PACKED",
             6: "DELTA_LENGTH_BYTE_ARRAY", 7: "DELTA_BYTE_ARRAY", 8: "RLE_DICTIONARY", 9: "BYTE_STREAM_SPLIT"}
PAGES = {0: "DATA_PAGE", 1: "INDEX_PAGE", 2: "DICTIONARY_PAGE", 3: "DATA_PAGE_V2"}


def read_parquet_columns(path):
    """Every column of a Parquet file TrackSim wrote, as {name: list}, strings decoded as UTF-8."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"PAR1" or data[-4:] != b"PAR1":
        raise ParquetError(f"{path}: not a Parquet file (no PAR1 at its start and end)")
    (footer_length,) = struct.unpack_from("<i", data, len(data) - 8)
    meta = _Thrift(data, len(data) - 8 - footer_length).struct()

    # The schema is a root element and then, TrackSim's being flat, one element per column.
    schema = meta[2]
    if any(element.get(5) for element in schema[1:]):
        raise ParquetError(f"{path}: nested columns are not read here (install pyarrow)")
    names = [element[4].decode() for element in schema[1:]]
    for element in schema[1:]:
        if element.get(3, 0) != 0:
            raise ParquetError(f"{path}: column {element[4].decode()} is not REQUIRED (it may hold nulls); "
                               "only required columns are read here (install pyarrow)")

    columns = {name: [] for name in names}
    for group in meta.get(4, []):
        for chunk in group[1]:
            info = chunk[3]
            name = b".".join(info[3]).decode()
            columns[name].extend(_read_chunk(data, info, f"{path}: column {name}"))
    return columns


def _read_chunk(data, info, where):
    """The values of one column chunk: an optional dictionary page, then data pages."""
    kind, codec, count = info[1], info[4], info[5]
    if kind not in (1, 5, 6):
        raise ParquetError(f"{where}: type {TYPES.get(kind, kind)} is not read here (INT32, DOUBLE and BYTE_ARRAY are)")
    if codec not in (0, 2):
        raise ParquetError(f"{where}: compression {CODECS.get(codec, codec)} is not read here (GZIP and none are)")
    pos = info.get(11) or info[9]                  # the dictionary page comes first when there is one
    dictionary, values = None, []
    while len(values) < count:
        thrift = _Thrift(data, pos)
        header = thrift.struct()
        start = thrift.pos
        body = data[start:start + header[3]]
        pos = start + header[3]
        page = header[1]
        if page == 2:                             # DICTIONARY_PAGE: its values, PLAIN
            dictionary_header = header[7]
            if dictionary_header.get(2, 0) not in (0, 2):
                raise ParquetError(f"{where}: dictionary encoding {ENCODINGS.get(dictionary_header[2])} is not read here")
            dictionary = _plain(_inflate(body, codec, where), kind, dictionary_header[1])
        elif page == 0:                           # DATA_PAGE (v1): all of it compressed
            page_header = header[5]
            raw = _inflate(body, codec, where)
            values.extend(_decode(raw, kind, page_header[1], page_header[2], dictionary, where))
        elif page == 3:                           # DATA_PAGE_V2: levels uncompressed, values maybe
            page_header = header[8]
            if page_header.get(2, 0):
                raise ParquetError(f"{where}: a data page has nulls; only required columns are read here")
            levels = page_header.get(5, 0) + page_header.get(6, 0)
            raw = body[levels:]
            if page_header.get(7, True):
                raw = _inflate(raw, codec, where)
            values.extend(_decode(raw, kind, page_header[1], page_header[4], dictionary, where))
        else:
            raise ParquetError(f"{where}: page type {PAGES.get(page, page)} is not read here")
    return values


def _inflate(body, codec, where):
    if codec == 0:
        return body
    try:
        return gzip.decompress(body)
    except (OSError, EOFError) as error:
        raise ParquetError(f"{where}: a GZIP page does not decompress ({error})") from None


def _decode(raw, kind, count, encoding, dictionary, where):
    if encoding == 0:
        return _plain(raw, kind, count)
    if encoding in (2, 8):                        # PLAIN_DICTIONARY, RLE_DICTIONARY
        if dictionary is None:
            raise ParquetError(f"{where}: a dictionary-encoded page without a dictionary page")
        return [dictionary[i] for i in _hybrid(raw, 1, raw[0], count)]
    raise ParquetError(f"{where}: encoding {ENCODINGS.get(encoding, encoding)} is not read here "
                       "(PLAIN, PLAIN_DICTIONARY and RLE_DICTIONARY are)")


def _plain(raw, kind, count):
    if kind == 1:
        return list(struct.unpack_from(f"<{count}i", raw))
    if kind == 5:
        return list(struct.unpack_from(f"<{count}d", raw))
    values, pos = [], 0                           # BYTE_ARRAY: 4-byte length, then the bytes
    for _ in range(count):
        (n,) = struct.unpack_from("<i", raw, pos)
        values.append(raw[pos + 4:pos + 4 + n].decode("utf-8"))
        pos += 4 + n
    return values


def _hybrid(raw, pos, width, count):
    """`count` integers of `width` bits in the RLE / bit-packed hybrid encoding from raw[pos:]."""
    values, mask = [], (1 << width) - 1
    thrift = _Thrift(raw, pos)
    while len(values) < count:
        header = thrift.varint()
        if header & 1:                            # bit-packed: (header >> 1) groups of 8 values
            n = (header >> 1) * 8
            size = (header >> 1) * width
            bits = int.from_bytes(raw[thrift.pos:thrift.pos + size], "little")
            thrift.pos += size
            values.extend((bits >> (i * width)) & mask for i in range(n))
        else:                                     # RLE: one value, little-endian in whole bytes
            size = (width + 7) // 8
            value = int.from_bytes(raw[thrift.pos:thrift.pos + size], "little")
            thrift.pos += size
            values.extend([value] * (header >> 1))
    return values[:count]


def _main(argv):
    """python3 tracksim_results.py RESULTS [--builtin]: the series as CSV on standard output."""
    import csv
    if not argv or argv[0].startswith("-"):
        sys.exit("usage: python3 tracksim_results.py RESULTS [--builtin]")
    try:
        series = read_series(argv[0], builtin="--builtin" in argv[1:])
    except ParquetError as error:
        sys.exit(f"error: {error}")
    if pandas is not None:
        series = {name: series[name].tolist() for name in COLUMNS}
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(COLUMNS)
    for row in zip(*(series[name] for name in COLUMNS)):
        row = list(row)
        row[3] = row[3].strftime("%Y-%m-%d")
        row[6] = repr(row[6])                     # the shortest text that reads back to the same double
        out.writerow(row)


if __name__ == "__main__":
    _main(sys.argv[1:])
