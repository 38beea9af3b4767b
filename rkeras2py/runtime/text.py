"""R keras's `text_tokenizer()`: Keras 2's word tokenizer, which Keras 3 no longer has.

It counts words over the texts it is fitted on and numbers them by frequency (the most
frequent is 1; ties keep the order words were first seen; with `oov_token`, that token is
1). `num_words` keeps only the indices below it when texts become sequences or matrices.
The attribute names are Keras 2's, so R code reading `tokenizer$word_index` or
`tokenizer$document_count` reads the same values.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

__all__ = ["Tokenizer"]

_PUNCTUATION = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n'
_MODES = ("binary", "count", "freq", "tfidf")


class Tokenizer:
    """Keras 2's `keras.preprocessing.text.Tokenizer`, as R keras's text_tokenizer() made it."""

    def __init__(
        self,
        num_words: int | None = None,
        filters: str = _PUNCTUATION,
        lower: bool = True,
        split: str = " ",
        char_level: bool = False,
        oov_token: str | None = None,
    ) -> None:
        self.num_words = num_words
        self.filters = filters
        self.lower = lower
        self.split = split
        self.char_level = char_level
        self.oov_token = oov_token
        self.document_count = 0
        self.word_counts: dict[str, int] = {}
        self.word_docs: Counter[str] = Counter()
        self.index_docs: Counter[int] = Counter()
        self.word_index: dict[str, int] = {}
        self.index_word: dict[int, str] = {}

    def _tokens(self, text) -> list[str]:
        """The words of one text (its characters with `char_level`; a list is taken as its
        tokens already)."""
        if isinstance(text, list) or self.char_level:
            return [token.lower() for token in text] if self.lower else list(text)
        if self.lower:
            text = text.lower()
        text = text.translate(str.maketrans(dict.fromkeys(self.filters, self.split)))
        return [word for word in text.split(self.split) if word]

    def fit_on_texts(self, texts) -> Tokenizer:
        """Count the words of `texts` and number them; the tokenizer, as R returns it."""
        for text in texts:
            tokens = self._tokens(text)
            self.document_count += 1
            for token in tokens:
                self.word_counts[token] = self.word_counts.get(token, 0) + 1
            self.word_docs.update(set(tokens))
        by_count = sorted(self.word_counts, key=self.word_counts.__getitem__, reverse=True)
        vocabulary = ([] if self.oov_token is None else [self.oov_token]) + by_count
        self.word_index = {word: index for index, word in enumerate(vocabulary, start=1)}
        self.index_word = {index: word for word, index in self.word_index.items()}
        self.index_docs = Counter(
            {self.word_index[word]: count for word, count in self.word_docs.items()}
        )
        return self

    def fit_on_sequences(self, sequences) -> Tokenizer:
        """Count in how many sequences each index occurs (for `tfidf` matrices)."""
        self.document_count += len(sequences)
        for sequence in sequences:
            self.index_docs.update(set(np.atleast_1d(sequence).tolist()))
        return self

    def texts_to_sequences_generator(self, texts):
        oov = self.word_index.get(self.oov_token) if self.oov_token is not None else None
        for text in texts:
            sequence = []
            for token in self._tokens(text):
                index = self.word_index.get(token)
                if index is not None and self.num_words and index >= self.num_words:
                    index = None
                if index is None:
                    index = oov
                if index is not None:
                    sequence.append(index)
            yield sequence

    def texts_to_sequences(self, texts) -> list[list[int]]:
        """Each text as the indices of its words (unknown words: the OOV index, or none)."""
        return list(self.texts_to_sequences_generator(texts))

    def texts_to_matrix(self, texts, mode: str = "binary") -> np.ndarray:
        return self.sequences_to_matrix(self.texts_to_sequences(texts), mode=mode)

    def sequences_to_matrix(self, sequences, mode: str = "binary") -> np.ndarray:
        """One row per sequence, one column per index below `num_words` (or the vocabulary
        size plus one): whether the index occurs, how often, its share, or TF-IDF."""
        if mode not in _MODES:
            raise ValueError(f"Unknown vectorization mode: {mode}")
        width = self.num_words or (len(self.word_index) + 1 if self.word_index else None)
        if width is None:
            raise ValueError(
                "Specify a dimension (`num_words` argument), or fit on some text data first."
            )
        if mode == "tfidf" and not self.document_count:
            raise ValueError("Fit the Tokenizer on some data before using tfidf mode.")
        matrix = np.zeros((len(sequences), width))
        for row, sequence in enumerate(sequences):
            sequence = np.atleast_1d(sequence).tolist()  # R's one-number sequences too
            for index, count in Counter(i for i in sequence if i < width).items():
                if mode == "binary":
                    matrix[row, index] = 1
                elif mode == "count":
                    matrix[row, index] = count
                elif mode == "freq":
                    matrix[row, index] = count / len(sequence)
                else:
                    documents = 1 + self.index_docs.get(index, 0)
                    idf = math.log(1 + self.document_count / documents)
                    matrix[row, index] = (1 + math.log(count)) * idf
        return matrix
