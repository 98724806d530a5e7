"""The site the registry benchmark serves: tdkt plus a bare JSON view as the baseline."""
