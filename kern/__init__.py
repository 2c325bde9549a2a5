"""The ground floor: what several apps need, once. Imports no app of ours."""
