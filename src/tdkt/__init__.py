"""tdkt — emulation and commendation (thi đua – khen thưởng) management."""
