"""Split inference: the laptop keeps the embeddings, the first (and
optionally last) layers, the LM head and sampling; a node runs the middle
layers through ggml's RPC protocol, reached only through a TLS + token
tunnel.  See docs/split.md."""
