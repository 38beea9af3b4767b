"""Helpers that translated programs may import, each standing in for an R function that has
no one-line tf.keras equivalent. Importing this package imports TensorFlow; importing
`rkeras2py` (the translator) does not.

The helpers arrive with keras support; until then the translator emits no runtime imports.
"""
