"""veille: French news articles in, analysis-ready tables of entities and amounts out."""
