"""Registry screens, one module per subject: organisations, people, zones, blocks/clusters.

Each view parses input, calls one selector or service and renders a template of this app;
``tdkt.web.decorators.web_view`` maps their errors to the shared error pages.
"""
