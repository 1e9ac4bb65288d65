"""Readers that turn a letter's file (text, PDF, Word) into text lines the parser reads."""
