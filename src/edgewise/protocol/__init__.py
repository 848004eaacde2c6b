"""What crosses the wire between the edge and an edgewise node."""
