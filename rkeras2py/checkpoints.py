"""Checkpoint file names: what Keras 3's ModelCheckpoint accepts for what R keras 2.15
saved. Shared by the translator (paths written in the R code) and the runtime (paths known
only at run time); imports nothing heavy."""

from __future__ import annotations


def checkpoint_path(path: str, save_weights_only: bool) -> str:
    """Weights go to `.weights.h5` (`.h5`/`.hdf5` files were HDF5 weights); a model to
    `.keras` (`.h5`/`.hdf5` stay HDF5 as `.h5`; no extension was a SavedModel directory)."""
    if save_weights_only:
        if path.endswith(".weights.h5"):
            return path
        for extension in (".hdf5", ".h5"):
            if path.endswith(extension):
                return path[: -len(extension)] + ".weights.h5"
        return path + ".weights.h5"
    if path.endswith((".keras", ".h5")):
        return path
    if path.endswith(".hdf5"):
        return path[: -len(".hdf5")] + ".h5"
    return path + ".keras"
