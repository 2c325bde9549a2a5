"""Test helpers every app's tests may use; they import no app of ours."""
