package tickets

import "testing"

func TestOrderTotal_Value(t *testing.T) {
	for _, c := range []struct {
		prices []string
		want   string
	}{
		{[]string{"12.50"}, "12.50"},
		{[]string{"12.50", "7.5"}, "20.00"},
		{[]string{"10", "0"}, "10"},
		{[]string{"-3", "1.25"}, "-1.75"},
		{[]string{"0.1", "0.2"}, "0.3"},
		{[]string{"-0.5", "0.25"}, "-0.25"},
		{[]string{"999999999.99", "1.01"}, "1000000001.00"},
		{[]string{"1.0000000001", "1"}, "2.0000000001"},     // more than 9 decimals: big.Rat
		{[]string{"12345678901234", "1"}, "12345678901235"}, // beyond int64 range with scaling: big.Rat
	} {
		var tot orderTotal
		for _, p := range c.prices {
			tot.add("tx", p, "EUR")
		}
		if got := tot.value(); got != c.want {
			t.Errorf("sum of %v = %s, want %s", c.prices, got, c.want)
		}
	}
}
