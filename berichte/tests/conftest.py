import pytest


@pytest.fixture(autouse=True)
def _ablage_im_tmp(settings, tmp_path):
    # Published PDFs of the tests go to a throwaway directory, not to var/media.
    settings.MEDIA_ROOT = tmp_path / "media"
