"""The output comparison itself must tell different values apart."""

from outputs import same_values, tokens


def test_r_layout_is_ignored():
    assert tokens('[1] "a" "b"\n') == ["a", "b"]
    assert tokens("     [,1] [,2]\n[1,]    1    3\n") == ["1", "3"]
    assert tokens("$units\n[1] 32\n") == ["units", "32"]


def test_equal_values_in_python_layout():
    assert same_values("[1] 1 2 3\n", "[1. 2. 3.]\n")[0]
    assert same_values("[1] TRUE\n", "True\n")[0]
    assert same_values("[1] 1e+05\n", "100000.0\n")[0]
    assert same_values("[1] 0.3333333\n", "0.3333333333333333\n")[0]


def test_different_values_are_caught():
    assert not same_values("[1] 1 2 3\n", "[1. 2. 4.]\n")[0]
    assert not same_values("[1] 1 2 3\n", "[1. 2.]\n")[0]
    assert not same_values("[1] TRUE\n", "False\n")[0]
    assert not same_values('[1] "a"\n', "b\n")[0]


def test_named_vector_rows_pair_with_a_dict():
    assert same_values("  a   b \n0.5 1.5 \n", "{'a': 0.5, 'b': 1.5}\n")[0]
    assert not same_values("  a   b \n0.5 1.5 \n", "{'a': 1.5, 'b': 0.5}\n")[0]
