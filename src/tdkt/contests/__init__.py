"""The "Người tốt, việc tốt" writing contest (cuộc thi phát hiện và viết về gương điển hình
tiên tiến): the Board's yearly contest, its entries from units and enterprises, the jury's
scores, the prizes and the published exemplary models (gương điển hình). See docs/contests.md.
"""
