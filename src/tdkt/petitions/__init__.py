"""Complaints, denunciations and feedback about emulation and commendation work (đơn thư)."""
