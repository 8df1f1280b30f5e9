// Placeholder so the library target exists; removed once real sources land.
