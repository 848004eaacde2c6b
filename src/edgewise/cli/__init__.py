"""The `edgewise` command line."""
