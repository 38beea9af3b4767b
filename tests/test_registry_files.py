"""base R's file functions: a temporary file written, read back, tested and removed."""

from __future__ import annotations

import subprocess
import sys

from rkeras2py import translate

PROGRAM = """
f <- tempfile(fileext = ".txt")
cat(file.exists(f), "\\n")
writeLines(c("first", "second"), f)
lines <- readLines(f)
cat(length(lines), lines[2], file.exists(f), grepl("[.]txt$", f), "\\n")
unlink(f)
unlink(f)
cat(file.exists(f), basename(file.path("a", "b.csv")), "\\n")
"""


def test_files_round_trip_as_in_r():
    result = translate(PROGRAM)
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    run = subprocess.run([sys.executable, "-c", result.code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    # what R 4.2 prints for PROGRAM
    assert run.stdout.split() == ["False", "2", "second", "True", "True", "False", "b.csv"]


def test_a_matrix_of_one_value_gets_the_missing_dimension_as_one():
    code = translate("x <- matrix(5, 1)\ncat(dim(x), '\\n')\n").code
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.stdout.split() == ["1", "1"]


def test_cat_writes_a_matrix_column_by_column():
    code = translate("m <- matrix(1:6, nrow = 2, byrow = TRUE)\ncat(m, '\\n')\n").code
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.stdout.split() == ["1", "4", "2", "5", "3", "6"]


DIRECTORY_PROGRAM = """
d <- tempfile()
dir.create(d)
for (f in c("b.jpg", "a.jpg", "c.png", ".hidden.jpg")) writeLines("x", file.path(d, f))
cat(list.files(d), "\\n")
cat(basename(list.files(d, pattern = "[.]jpg$", full.names = TRUE)), "\\n")
cat(list.files(d, pattern = "\\\\.JPG$", ignore.case = TRUE, all.files = TRUE), "\\n")
full <- list.files(d, full.names = TRUE)
cat(length(full), dirname(full)[1] == d, "\\n")
"""


def test_list_files_lists_a_directory_as_r_does(tmp_path):
    """Sorted names, `pattern` a regular expression, hidden files only with all.files."""
    result = translate(DIRECTORY_PROGRAM)
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    assert "sorted(name for name in os.listdir(d)" in result.code
    run = subprocess.run(
        [sys.executable, "-c", result.code], capture_output=True, text=True, cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr
    # what R 4.2 prints for DIRECTORY_PROGRAM
    expected = "a.jpg b.jpg c.png\na.jpg b.jpg\n.hidden.jpg a.jpg b.jpg\n3 TRUE\n"
    assert run.stdout.split() == expected.replace("TRUE", "True").split()


def test_unzip_extracts_an_archive_or_some_of_its_members(tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "z.zip", "w") as archive:
        archive.writestr("one.txt", "1")
        archive.writestr("two.txt", "2")
    result = translate(
        'unzip("z.zip", exdir = "all")\nunzip("z.zip", "one.txt", exdir = "some")\n'
        'download.file("https://example.org/x.zip", destfile = "x.zip")\n'
    )
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    assert 'urllib.request.urlretrieve("https://example.org/x.zip", "x.zip")' in result.code
    code = result.code[: result.code.index("urllib.request.urlretrieve(")]
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in (tmp_path / "all").iterdir()) == ["one.txt", "two.txt"]
    assert [p.name for p in (tmp_path / "some").iterdir()] == ["one.txt"]


def test_untar_extracts_a_compressed_archive(tmp_path):
    import tarfile

    (tmp_path / "one.txt").write_text("1")
    with tarfile.open(tmp_path / "a.tar.gz", "w:gz") as archive:
        archive.add(tmp_path / "one.txt", arcname="one.txt")
    result = translate('untar("a.tar.gz", exdir = "out")\n')
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    run = subprocess.run(
        [sys.executable, "-c", result.code], capture_output=True, text=True, cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out" / "one.txt").read_text() == "1"


def test_what_list_files_and_unzip_do_otherwise_is_reported():
    def dots_reported(source: str) -> bool:
        return any('"."' in d.message for d in translate(source).diagnostics)

    assert dots_reported('f <- list.files(".", all.files = TRUE)\n')  # R lists "." and ".."
    assert not dots_reported('f <- list.files(".", all.files = TRUE, no.. = TRUE)\n')
    kept = translate('unzip("z.zip", overwrite = FALSE)\n')
    assert [d.code for d in kept.diagnostics] == ["RK103"]
