"""Reading the export: the archive container, CSV text, Connections.csv and who each contact is."""
