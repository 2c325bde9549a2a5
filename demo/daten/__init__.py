"""The demo's master data, one module per city and one for what they share; pure literals, no loading code."""

from . import bremen, bremerhaven, leverkusen, moenchengladbach

# In loading order: the rows of each kind are created city by city in this order.
STAEDTE = (bremen, bremerhaven, leverkusen, moenchengladbach)
