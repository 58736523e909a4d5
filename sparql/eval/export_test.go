package eval

// SetEagerHashing makes every BGP level with a join variable hash its scan at the first open
// (instead of after enough index lookups), so that small test data exercises hashed levels.
// It returns a function restoring the defaults.
func SetEagerHashing() (restore func()) {
	c, f := lookupCostOverride, hashFirstOpens
	lookupCostOverride, hashFirstOpens = 1<<40, 1
	return func() { lookupCostOverride, hashFirstOpens = c, f }
}

// RemoveAllBatch is how many quads CLEAR and DROP read per batch.
const RemoveAllBatch = removeAllBatch
