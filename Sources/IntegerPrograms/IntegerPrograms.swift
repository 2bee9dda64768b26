// IntegerPrograms
