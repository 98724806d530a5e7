"""Emulation movements (phong trào thi đua) and yearly registration (đăng ký thi đua).

Issue #10 §1–2: movements with their plan, criteria, participants and states; launch with
notifications, acknowledgements and reminders; interim and final reviews as .docx; the yearly
registration of titles by every collective and individual, approved by the level above, with
a dashboard and Excel lists. See docs/movements.md.
"""
