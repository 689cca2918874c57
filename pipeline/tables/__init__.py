"""Table finding on PDF pages: ruled tables (lattice) and tables set by whitespace (stream)."""
