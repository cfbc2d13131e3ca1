# Read the per-run series of a TrackSim results folder.
#
#   source("tracksim_results.R")
#   series <- read_series("results/india-pakistan")   # series.parquet, or series.csv
#
# A data frame with columns variant, replicate, step, date, metric, subject, value, in the order
# TrackSim wrote them: date as Date, replicate and step as integer, value as double.
#
# series.parquet is read with arrow::read_parquet when the arrow package is installed. Otherwise a
# small reader below reads it in base R; it reads exactly what TrackSim writes (required columns,
# GZIP or no compression, PLAIN and dictionary encodings, data pages v1 and v2) and stops with a
# message naming anything else. For other Parquet files, install arrow.

series_columns <- c("variant", "replicate", "step", "date", "metric", "subject", "value")

# The series of the results folder `folder`, from series.parquet or else series.csv.
# builtin = TRUE reads series.parquet with the reader below even when arrow is installed.
read_series <- function(folder, builtin = FALSE) {
  parquet <- file.path(folder, "series.parquet")
  if (file.exists(parquet)) read_series_parquet(parquet, builtin)
  else read_series_csv(file.path(folder, "series.csv"))
}

# series.csv, typed as read_series_parquet types series.parquet.
read_series_csv <- function(path) {
  series <- utils::read.csv(path, colClasses = c("character", "integer", "integer", "Date", "character",
                                                 "character", "character"),
                            na.strings = character(0), encoding = "UTF-8")
  series$value <- exact_numbers(series$value)
  series
}

# The doubles that numbers written as text stand for. R's own parser (as.numeric, read.csv) can
# be a unit in the last place off for 16 and 17 significant digits, as TrackSim writes them (13
# values in 300,000 of one run's series.csv). A number of at most 2^53 as digits over a power of
# ten up to 10^22 is exact here: both are exact doubles and the one division rounds correctly.
exact_numbers <- function(text) {
  x <- as.numeric(text)
  plain <- grepl("^-?[0-9]*\\.?[0-9]+$", text)
  places <- nchar(sub("^[^.]*\\.?", "", text[plain]))
  digits <- sub("^-?0*", "", sub(".", "", text[plain], fixed = TRUE))
  digits[digits == ""] <- "0"
  fast <- (nchar(digits) < 16 | (nchar(digits) == 16 & digits <= "9007199254740992")) & places <= 22
  exact <- as.numeric(digits[fast]) / 10^places[fast]
  x[plain][fast] <- ifelse(startsWith(text[plain][fast], "-"), -exact, exact)
  x
}

# series.parquet as a data frame.
read_series_parquet <- function(path, builtin = FALSE) {
  if (!builtin && requireNamespace("arrow", quietly = TRUE)) {
    return(as.data.frame(arrow::read_parquet(path)))
  }
  columns <- parquet_columns(path)
  columns$date <- as.Date(columns$date, origin = "1970-01-01")
  as.data.frame(columns, stringsAsFactors = FALSE)
}

# --- Thrift compact protocol: the footer and the page headers are structs in it. ---
# A struct decodes to a list named by field id ("1", "2", ...); numbers are doubles.

thrift <- function(data, pos) {
  reader <- new.env()
  reader$data <- data
  reader$pos <- pos  # 1-based index of the next byte
  reader
}

th_byte <- function(t) {
  b <- as.integer(t$data[t$pos])
  t$pos <- t$pos + 1
  b
}

th_varint <- function(t) {
  result <- 0
  shift <- 1
  repeat {
    b <- th_byte(t)
    result <- result + (b %% 128) * shift
    shift <- shift * 128
    if (b < 128) return(result)
  }
}

th_zigzag <- function(t) {
  n <- th_varint(t)
  if (n %% 2 == 0) n / 2 else -(n + 1) / 2
}

th_value <- function(t, kind) {
  if (kind == 1 || kind == 2) return(kind == 1)            # bool, in a struct field's type nibble
  if (kind == 3) { b <- th_byte(t); return(if (b > 127) b - 256 else b) }
  if (kind >= 4 && kind <= 6) return(th_zigzag(t))         # i16, i32, i64
  if (kind == 7) {                                         # double
    t$pos <- t$pos + 8
    return(readBin(t$data[(t$pos - 8):(t$pos - 1)], "double", size = 8, endian = "little"))
  }
  if (kind == 8) {                                         # binary or string, kept as raw
    n <- th_varint(t)
    t$pos <- t$pos + n
    return(t$data[seq_len(n) + t$pos - n - 1])
  }
  if (kind == 9 || kind == 10) {                           # list, set
    head <- th_byte(t)
    size <- head %/% 16
    element <- head %% 16
    if (size == 15) size <- th_varint(t)
    if (element == 1 || element == 2) return(lapply(seq_len(size), function(i) th_byte(t) == 1))
    return(lapply(seq_len(size), function(i) th_value(t, element)))
  }
  if (kind == 11) {                                        # map, as a list of key-value pairs
    size <- th_varint(t)
    if (size == 0) return(list())
    types <- th_byte(t)
    return(lapply(seq_len(size), function(i) list(th_value(t, types %/% 16), th_value(t, types %% 16))))
  }
  if (kind == 12) return(th_struct(t))
  stop(sprintf("unknown thrift type %d at byte %d", kind, t$pos - 1))
}

th_struct <- function(t) {
  fields <- list()
  last <- 0
  repeat {
    head <- th_byte(t)
    if (head == 0) return(fields)
    delta <- head %/% 16
    field <- if (delta > 0) last + delta else th_zigzag(t)
    fields[[as.character(field)]] <- th_value(t, head %% 16)
    last <- field
  }
}

field <- function(x, id, default = NULL) {
  value <- x[[as.character(id)]]
  if (is.null(value)) default else value
}

# --- Parquet: names of the enum values, for the messages. ---

parquet_types <- c("BOOLEAN", "INT32", "INT64", "INT96", "FLOAT", "DOUBLE", "BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY")
parquet_codecs <- c("UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD", "LZ4_RAW")
parquet_encodings <- c("PLAIN", "GROUP_VAR_INT", "PLAIN_DICTIONARY", "RLE", "BIT_PACKED", "DELTA_BINARY_PACKED",
                       "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY", "RLE_DICTIONARY", "BYTE_STREAM_SPLIT")
parquet_pages <- c("DATA_PAGE", "INDEX_PAGE", "DICTIONARY_PAGE", "DATA_PAGE_V2")
enum_name <- function(names, value) if (value + 1 <= length(names)) names[value + 1] else as.character(value)

# Every column of a Parquet file TrackSim wrote, as a named list of vectors.
parquet_columns <- function(path) {
  data <- readBin(path, "raw", file.info(path)$size)
  n <- length(data)
  if (n < 12 || rawToChar(data[1:4]) != "PAR1" || rawToChar(data[(n - 3):n]) != "PAR1") {
    stop(path, ": not a Parquet file (no PAR1 at its start and end)", call. = FALSE)
  }
  footer <- readBin(data[(n - 7):(n - 4)], "integer", size = 4, endian = "little")
  meta <- th_struct(thrift(data, n - 7 - footer))

  # The schema is a root element and then, TrackSim's being flat, one element per column.
  schema <- field(meta, 2)[-1]
  names <- vapply(schema, function(e) rawToChar(field(e, 4)), "")
  for (i in seq_along(schema)) {
    if (field(schema[[i]], 5, 0) > 0) stop(path, ": nested columns are not read here (install arrow)", call. = FALSE)
    if (field(schema[[i]], 3, 0) != 0) {
      stop(path, ": column ", names[i], " is not REQUIRED (it may hold nulls); only required columns are read ",
           "here (install arrow)", call. = FALSE)
    }
  }

  chunks <- setNames(lapply(names, function(name) list()), names)
  for (group in field(meta, 4, list())) {
    for (chunk in field(group, 1)) {
      info <- field(chunk, 3)
      name <- paste(vapply(field(info, 3), rawToChar, ""), collapse = ".")
      chunks[[name]][[length(chunks[[name]]) + 1]] <- read_chunk(data, info, paste0(path, ": column ", name))
    }
  }
  lapply(chunks, function(parts) do.call(c, parts))
}

# The values of one column chunk: an optional dictionary page, then data pages.
read_chunk <- function(data, info, where) {
  kind <- field(info, 1)
  codec <- field(info, 4)
  count <- field(info, 5)
  if (!kind %in% c(1, 5, 6)) {
    stop(where, ": type ", enum_name(parquet_types, kind), " is not read here (INT32, DOUBLE and BYTE_ARRAY are)", call. = FALSE)
  }
  if (!codec %in% c(0, 2)) {
    stop(where, ": compression ", enum_name(parquet_codecs, codec), " is not read here (GZIP and none are)", call. = FALSE)
  }
  # The dictionary page comes first when there is one.
  pos <- field(info, 11, 0)
  if (pos == 0) pos <- field(info, 9)
  pos <- pos + 1
  dictionary <- NULL
  pages <- list()
  read <- 0
  while (read < count) {
    t <- thrift(data, pos)
    header <- th_struct(t)
    size <- field(header, 3)
    body <- data[seq_len(size) + t$pos - 1]
    pos <- t$pos + size
    page <- field(header, 1)
    if (page == 2) {                                       # DICTIONARY_PAGE: its values, PLAIN
      h <- field(header, 7)
      if (!field(h, 2, 0) %in% c(0, 2)) stop(where, ": dictionary encoding ", enum_name(parquet_encodings, field(h, 2)), " is not read here", call. = FALSE)
      dictionary <- plain(inflate(body, codec, where), kind, field(h, 1))
    } else if (page == 0) {                                # DATA_PAGE (v1): all of it compressed
      h <- field(header, 5)
      pages[[length(pages) + 1]] <- decode(inflate(body, codec, where), kind, field(h, 1), field(h, 2), dictionary, where)
      read <- read + field(h, 1)
    } else if (page == 3) {                                # DATA_PAGE_V2: levels uncompressed, values maybe
      h <- field(header, 8)
      if (field(h, 2, 0) > 0) stop(where, ": a data page has nulls; only required columns are read here", call. = FALSE)
      levels <- field(h, 5, 0) + field(h, 6, 0)
      raw <- if (levels > 0) body[-seq_len(levels)] else body
      if (isTRUE(field(h, 7, TRUE))) raw <- inflate(raw, codec, where)
      pages[[length(pages) + 1]] <- decode(raw, kind, field(h, 1), field(h, 4), dictionary, where)
      read <- read + field(h, 1)
    } else {
      stop(where, ": page type ", enum_name(parquet_pages, page), " is not read here", call. = FALSE)
    }
  }
  do.call(c, pages)
}

inflate <- function(body, codec, where) {
  if (codec == 0) return(body)
  tryCatch(memDecompress(body, type = "gzip"),
           error = function(e) stop(where, ": a GZIP page does not decompress (", conditionMessage(e), ")", call. = FALSE))
}

decode <- function(raw, kind, count, encoding, dictionary, where) {
  if (encoding == 0) return(plain(raw, kind, count))
  if (encoding == 2 || encoding == 8) {                    # PLAIN_DICTIONARY, RLE_DICTIONARY
    if (is.null(dictionary)) stop(where, ": a dictionary-encoded page without a dictionary page", call. = FALSE)
    return(dictionary[hybrid(raw[-1], as.integer(raw[1]), count) + 1])
  }
  stop(where, ": encoding ", enum_name(parquet_encodings, encoding),
       " is not read here (PLAIN, PLAIN_DICTIONARY and RLE_DICTIONARY are)", call. = FALSE)
}

plain <- function(raw, kind, count) {
  if (kind == 1) return(readBin(raw, "integer", n = count, size = 4, endian = "little"))
  if (kind == 5) return(readBin(raw, "double", n = count, size = 8, endian = "little"))
  values <- character(count)                               # BYTE_ARRAY: 4-byte length, then the bytes
  pos <- 1
  for (i in seq_len(count)) {
    n <- readBin(raw[pos:(pos + 3)], "integer", size = 4, endian = "little")
    values[i] <- if (n > 0) rawToChar(raw[pos + 3 + seq_len(n)]) else ""
    pos <- pos + 4 + n
  }
  Encoding(values) <- "UTF-8"
  values
}

# `count` integers of `width` bits in the RLE / bit-packed hybrid encoding.
hybrid <- function(raw, width, count) {
  runs <- list()
  read <- 0
  t <- thrift(raw, 1)
  while (read < count) {
    header <- th_varint(t)
    if (header %% 2 == 1) {                                # bit-packed: header %/% 2 groups of 8 values
      groups <- header %/% 2
      bytes <- raw[seq_len(groups * width) + t$pos - 1]
      t$pos <- t$pos + groups * width
      # Values are packed from the least significant bit, as rawToBits lists a byte's bits.
      bits <- matrix(as.integer(rawToBits(bytes)), nrow = width)
      values <- if (width == 0) integer(groups * 8) else as.integer(colSums(bits * 2^(seq_len(width) - 1)))
    } else {                                               # RLE: one value, little-endian in whole bytes
      size <- (width + 7) %/% 8
      bytes <- as.integer(raw[seq_len(size) + t$pos - 1])
      t$pos <- t$pos + size
      values <- rep(as.integer(sum(bytes * 256^(seq_along(bytes) - 1))), header %/% 2)
    }
    runs[[length(runs) + 1]] <- values
    read <- read + length(values)
  }
  unlist(runs)[seq_len(count)]
}

# Rscript tracksim_results.R RESULTS [--builtin]: the series as CSV on standard output, values
# with 17 significant digits, which read back to the same doubles.
if (sys.nframe() == 0L) {
  args <- commandArgs(trailingOnly = TRUE)
  if (length(args) == 0 || startsWith(args[1], "-")) stop("usage: Rscript tracksim_results.R RESULTS [--builtin]")
  series <- read_series(args[1], builtin = "--builtin" %in% args[-1])
  series$date <- format(series$date, "%Y-%m-%d")
  series$value <- sprintf("%.17g", series$value)
  utils::write.csv(series[series_columns], stdout(), row.names = FALSE, quote = c(1, 5, 6))
}
