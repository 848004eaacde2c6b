"""What runs on the remote node: `edgewise serve` (target model, sessions) and the RPC tunnel."""
