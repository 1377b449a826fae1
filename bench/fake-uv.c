/* The benchmark's uv: a minimal native program that exits 0, so only uvshim's own cost is measured. */
int main(void) { return 0; }
