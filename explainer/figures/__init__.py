"""Plotly figure builders, one module per area. Each takes plain data and returns a figure."""
