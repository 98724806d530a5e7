"""Account pages: sign-in and sign-out, the signed-in user's own account (password, API
tokens), and the account managers' screens. Each view parses input, calls one selector or
service and renders; ``tdkt.web.decorators.web_view`` maps their errors to error pages."""
