"""One module per schema revision: 0001_documents, 0002_ledger, 0003_tokens, ..."""
