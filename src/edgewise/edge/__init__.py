"""Everything that runs on the laptop: gateway, backends, clients of remote nodes."""
