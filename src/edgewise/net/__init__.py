"""Networking shared by edge and server: TLS with pinning, the latency proxy."""
