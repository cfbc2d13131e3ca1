# Redraw public trust from a TrackSim results folder's per-run series.
#
#   Rscript redraw_public_trust.R RESULTS OUT.png [--rows ROWS.csv] [--builtin]
#
# For every variant, date and subject: the median of public_trust over the replicates and the
# 5-95 % band (type-7 quantiles, R's default, as TrackSim's summary.csv has them), one panel per
# subject, drawn with base graphics. --rows also writes the numbers drawn as CSV; --builtin reads
# series.parquet with tracksim_results.R's own reader even when arrow is installed.

# tracksim_results.R sits next to this script.
script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
source(file.path(dirname(if (length(script) == 1) script else "."), "tracksim_results.R"))

# Median and 5-95 % band of `metric` over replicates, per variant, date and subject, in the
# order of first appearance.
bands <- function(series, metric = "public_trust") {
  rows <- series[series$metric == metric, ]
  if (nrow(rows) == 0) stop("the series has no ", metric, call. = FALSE)
  key <- paste(rows$variant, rows$date, rows$subject, sep = "\r")
  groups <- split(rows$value, factor(key, levels = unique(key)))
  q <- t(vapply(groups, stats::quantile, numeric(3), probs = c(0.05, 0.5, 0.95), type = 7, names = FALSE))
  first <- rows[!duplicated(key), c("variant", "date", "subject")]
  data.frame(first, p05 = q[, 1], p50 = q[, 2], p95 = q[, 3], row.names = NULL)
}

# One panel per subject, a line and a band per variant.
draw <- function(table, path) {
  subjects <- unique(table$subject)
  variants <- unique(table$variant)
  colours <- grDevices::hcl.colors(length(variants), "Dark 3")
  grDevices::png(path, width = 900, height = 320 * length(subjects))
  on.exit(grDevices::dev.off())
  graphics::par(mfrow = c(length(subjects), 1), mar = c(3, 4.5, 2.5, 1))
  for (subject in subjects) {
    panel <- table[table$subject == subject, ]
    plot(range(panel$date), range(panel$p05, panel$p95), type = "n", xlab = "", ylab = "public trust",
         main = paste0("Public trust, ", subject, ": median and 5-95 % of replicates"))
    for (i in seq_along(variants)) {
      lines <- panel[panel$variant == variants[i], ]
      graphics::polygon(c(lines$date, rev(lines$date)), c(lines$p05, rev(lines$p95)),
                        col = grDevices::adjustcolor(colours[i], alpha.f = 0.15), border = NA)
      graphics::lines(lines$date, lines$p50, col = colours[i], lwd = 1.2)
    }
    graphics::legend("topleft", legend = variants, col = colours, lwd = 1.2, cex = 0.8, bty = "n")
  }
}

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2 || any(startsWith(args[1:2], "-"))) {
  stop("usage: Rscript redraw_public_trust.R RESULTS OUT.png [--rows ROWS.csv] [--builtin]", call. = FALSE)
}
table <- bands(read_series(args[1], builtin = "--builtin" %in% args))
draw(table, args[2])
rows <- match("--rows", args)
if (!is.na(rows)) {
  out <- table
  out$date <- format(out$date, "%Y-%m-%d")
  # 17 significant digits read back to the same double.
  for (column in c("p05", "p50", "p95")) out[[column]] <- sprintf("%.17g", out[[column]])
  utils::write.csv(out, args[rows + 1], row.names = FALSE, quote = c(1, 3))
}
