"""Pure-math algorithms (no I/O): sampling, speculative decoding, planning."""
