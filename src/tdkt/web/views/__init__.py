"""Web views, one module per subject. Each view parses input, calls one selector or service
and renders; ``tdkt.web.decorators.web_view`` maps their errors to error pages."""
