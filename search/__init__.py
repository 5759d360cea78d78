"""Discovery: query parsing, facets, backends and fallback, feeds."""
