"""Reports of the indicators app: the contract's JSON documents and their XLSX/DOCX forms."""
