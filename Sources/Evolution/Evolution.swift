// Evolution
