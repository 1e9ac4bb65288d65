"""Facts derived from a letter once read, computed on first use."""
